/**
 * The pipeline's ports: the stages ({@link org.chartroom.core.pipeline.TextExtractor},
 * {@link org.chartroom.core.pipeline.ClinicalAnnotator}, {@link org.chartroom.core.pipeline.DocumentStore}) and the
 * {@link org.chartroom.core.pipeline.WorkQueue} that connects them. Each port is one small contract; its
 * implementations live in their modules and are wired together in the api module.
 */
package org.chartroom.core.pipeline;
