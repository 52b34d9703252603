package org.energychain.supervision.classify;

/** The paper's three classes of a group's data, which decide where each dataset goes. */
public enum DataClass {
    /** Tradable: stored off-chain, summarised by Hash(D1) + DI for the trading chain's catalogue. */
    D1,
    /** Regulatory: delivered to the regulator with Hash_G (filed on the regulatory chain). */
    D2,
    /** Internal management: stays in the group's own store (anchored on its business chain). */
    D3
}
