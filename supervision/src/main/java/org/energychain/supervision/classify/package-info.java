/**
 * Classification of a plant's readings into the paper's data classes (paper II.A): a group's policy of
 * rules derives datasets and files each as D1 (tradable, summarised by Hash(D1) and its descriptive
 * information DI), D2 (regulatory) or D3 (internal). Pure and deterministic; see docs/encoding.md for the
 * dataset encoding.
 */
package org.energychain.supervision.classify;
