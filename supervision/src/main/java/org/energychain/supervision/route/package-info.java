/**
 * Where classified data goes (paper II.A): the regulatory package of a period (the D2 datasets with
 * Hash_G and Hash(D2)) and the file a group delivers to its regulator.
 */
package org.energychain.supervision.route;
