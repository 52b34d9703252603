/**
 * Ingest of plant readings from files: the group configuration ({@link
 * org.energychain.supervision.ingest.GroupConfigFile}), CSV exports described by a mapping file
 * ({@link org.energychain.supervision.ingest.MappingConfig}, {@link
 * org.energychain.supervision.ingest.CsvReadingReader}), JSON lines ({@link
 * org.energychain.supervision.ingest.JsonLinesReadingReader}) and the semantic checks of a period
 * ({@link org.energychain.supervision.ingest.ReadingValidator}).
 *
 * <p>Everything streams: readers hand each {@link org.energychain.supervision.reading.Reading} with its
 * {@link org.energychain.supervision.ingest.SourceLocation} to a {@link
 * org.energychain.supervision.ingest.ReadingSink} and keep no text of the file. Bad input becomes an
 * {@link org.energychain.supervision.ingest.InputException} naming file and line; a {@link
 * org.energychain.supervision.ingest.ProblemReport} decides, by its {@link
 * org.energychain.supervision.ingest.ErrorPolicy}, whether it aborts the import or is collected.
 */
package org.energychain.supervision.ingest;
