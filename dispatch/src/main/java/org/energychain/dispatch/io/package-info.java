/**
 * Plain readers of the dispatch inputs people write as files (where each source connects, a demand or
 * load profile) and what follows from a case file (each bus's share of the load): outside input, so
 * bounded, with errors naming file:line. The negotiation contract never reads files; the CLI reads them
 * here and hands the values on.
 */
package org.energychain.dispatch.io;
