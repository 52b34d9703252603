package org.energychain.supervision.store;

/**
 * The classes derived data falls into (paper II.A): D1 is tradable and listed with Hash(D1) and its
 * descriptive information, D2 goes to the regulator, D3 stays internal to the group.
 */
public enum DataClass {
    D1, D2, D3
}
