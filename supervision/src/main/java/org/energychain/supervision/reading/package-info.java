/**
 * The values everything else is built on: an energy group and its plants, and a reading (plant, instant,
 * measurement, value in the measurement's canonical unit).
 */
package org.energychain.supervision.reading;
