/**
 * The contracts of the business and regulatory chains (paper II.B) and their argument and record types.
 *
 * <p>{@link org.energychain.supervision.contract.PeriodAnchorContract} ({@code period-anchor}, on a
 * group's private {@code business-<group>} chain) anchors each period version's {@code Hash_G} with its
 * plants' roots and records destructions of off-chain data.
 * {@link org.energychain.supervision.contract.RegulatoryFilingContract} ({@code regulatory-filing}, on
 * the consortium {@code regulatory} chain) records D2 filings ({@code Hash_G}, {@code Hash(D2)}), the
 * regulator's acknowledgements and destructions. {@link org.energychain.supervision.contract.RegulatorCheck}
 * verifies a delivered plant-day or reading proof against the filed or anchored root.
 *
 * <p>Every argument, stored value, query result and event payload is a record here with one canonical
 * encoding ({@code encode()}/strict {@code decode()}, {@code CanonicalWriter}/{@code CanonicalReader},
 * never JSON); the byte layouts, state keys and result codes are in {@code docs/contracts.md}. A group
 * acts only for itself: the sender's member id must equal the group id named in the arguments.
 */
package org.energychain.supervision.contract;
