package com.klarefi.processing.internal.pipeline;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.processing.api.DocumentFailure;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The platform threads that do a document's CPU-bound work: text layers, OCR, e-mail and HTML
 * decoding, extraction. Jobs and HTTP requests run on virtual threads, which share a few carrier
 * threads (one per core) and are never preempted: a virtual thread parsing a hostile document for a
 * minute holds its carrier for that minute, and two of them froze the whole API. Here the operating
 * system shares the cores between these threads and the carriers, and the caller's virtual thread
 * waits without holding one.
 *
 * <p>The operating system shares the cores fairly among runnable threads, so two busy document
 * threads still took two shares of three from the carrier that answers {@code /api/v1/health}.
 * Each document thread therefore lowers its own scheduling priority ({@link BackgroundPriority}):
 * the carriers get a core as soon as they need one, and the documents take whatever is left.
 *
 * <p>Waiting work is taken by stage, then in the order it came: a document's extraction before any
 * document's reading. Extraction is the last step of a document, runs for milliseconds and is
 * waited for inside the transaction that finishes the document, with its rows locked; behind the
 * reading of other documents (OCR: about a second a page) it held that transaction and its job
 * open for as long, and the jobs that would have fetched the next documents waited with it, so a
 * thread that finished its page found no page to read next.
 *
 * <p>Each call has a time budget, counted from the moment a thread takes the work. Past it the
 * document fails with {@code processing_timeout} and the thread is interrupted; work that ignores
 * interruption runs on until its own size limits stop it, so the pool is sized from the cores, not
 * from the number of jobs.
 */
public final class DocumentWorkers implements AutoCloseable {
    public static final String THREADS = "KLAREFI_DOCUMENT_THREADS";

    /** The CPU-bound stages, in the order in which waiting work is taken. */
    public enum Stage {
        /** Extracting a case's features from its documents' text: short, the end of a document. */
        EXTRACT("extract"),
        /** Reading a document's text layers (OCR included): the long part, the start of a document. */
        READ("text");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        /** The stage's name in metrics and failure messages. */
        public String label() {
            return label;
        }
    }

    private final ThreadPoolExecutor pool;
    private final AtomicLong arrivals = new AtomicLong();
    private final int threads;

    public DocumentWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        ThreadFactory named =
                Thread.ofPlatform().daemon().name("klarefi-document-", 1).factory();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(),
                work -> named.newThread(() -> {
                    BackgroundPriority.lowerForThisThread();
                    work.run();
                }));
    }

    /** {@value #THREADS}, where 0 (the default) means one thread per core. */
    public static DocumentWorkers from(Settings settings) {
        int configured = settings.integer(THREADS);
        if (configured < 0) {
            throw new SettingsException(THREADS + " must be 0 (one per core) or more, got " + configured);
        }
        return new DocumentWorkers(configured == 0 ? Runtime.getRuntime().availableProcessors() : configured);
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs the work on a document thread and waits for it at most {@code budget} from the moment a
     * thread takes it: waiting for a thread is not the document's time (the pages of other
     * documents can hold every thread for minutes).
     */
    public <T> T run(Stage stage, Duration budget, Supplier<T> work) {
        Task<T> result = new Task<>(work, stage, arrivals.getAndIncrement());
        pool.execute(result);
        try {
            long started = result.awaitStart();
            long left = budget.toNanos() - (System.nanoTime() - started);
            return result.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new DocumentFailure(
                    DocumentFailure.Code.PROCESSING_TIMEOUT,
                    "the " + stage.label() + " stage took longer than its budget of " + budget.toSeconds() + " s");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + stage.label() + " stage", e);
        } catch (CancellationException e) {
            throw new IllegalStateException(
                    "the document threads stopped before the " + stage.label() + " stage ran", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** Work waiting for a thread (tests). */
    int waiting() {
        return pool.getQueue().size();
    }

    /**
     * Work for the pool's queue, which orders it by stage, then by arrival; it knows when a thread
     * took it.
     */
    private static final class Task<T> extends FutureTask<T> implements Comparable<Task<?>> {
        private final Stage stage;
        private final long arrival;
        private final CountDownLatch taken = new CountDownLatch(1);
        private volatile long startedNanos;

        Task(Supplier<T> work, Stage stage, long arrival) {
            super(work::get);
            this.stage = stage;
            this.arrival = arrival;
        }

        @Override
        public void run() {
            startedNanos = System.nanoTime();
            taken.countDown();
            super.run();
        }

        /** Also when cancelled before any thread took it (the pool closed): then it never runs. */
        @Override
        protected void done() {
            if (taken.getCount() > 0) {
                startedNanos = System.nanoTime();
                taken.countDown();
            }
        }

        /** Waits until a thread takes the work (or it is cancelled); the {@link System#nanoTime} of that. */
        long awaitStart() throws InterruptedException {
            taken.await();
            return startedNanos;
        }

        @Override
        public int compareTo(Task<?> other) {
            int byStage = stage.compareTo(other.stage);
            return byStage != 0 ? byStage : Long.compare(arrival, other.arrival);
        }
    }

    @Override
    public void close() {
        for (Runnable waiting : pool.shutdownNow()) {
            ((FutureTask<?>) waiting).cancel(false);
        }
    }
}
