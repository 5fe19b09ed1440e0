package com.klarefi.processing.internal.jobs;

import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs {@link DocumentProcessor} for one document. Transient failures (timeouts, 5xx) are thrown
 * so JobRunr retries them with its backoff; the processor turns the last attempt into a failure. The
 * job's name and retries are set where it is enqueued ({@link ProcessDocument#job}), since JobRunr
 * refuses a {@code @Job} annotation on jobs built that way.
 */
public final class ProcessDocumentHandler implements JobRequestHandler<ProcessDocument> {
    private final DocumentProcessor processor;

    public ProcessDocumentHandler(DocumentProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void run(ProcessDocument job) {
        processor.process(job.docId());
    }
}
