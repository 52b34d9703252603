/**
 * JMH micro-benchmarks: each pairs the code under test with a bare baseline measured in the same run,
 * so that results read as ratios that survive a change of machine. Run with {@code bench/run-jmh}.
 */
package org.energychain.bench;
