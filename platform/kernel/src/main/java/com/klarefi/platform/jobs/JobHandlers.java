package com.klarefi.platform.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.server.JobActivator;

/**
 * JobRunr asks its activator for a handler instance by class; without a DI container, modules
 * register the instances they built, and this registry hands them out.
 */
final class JobHandlers implements JobActivator {
    private final Map<Class<?>, Object> handlers = new ConcurrentHashMap<>();

    <T extends JobRequest, H extends JobRequestHandler<T>> void register(Class<H> type, H handler) {
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException("job handler registered twice: " + type.getName());
        }
    }

    @Override
    public <T> T activateJob(Class<T> type) {
        Object handler = handlers.get(type);
        if (handler == null) {
            throw new IllegalStateException("no job handler registered for " + type.getName());
        }
        return type.cast(handler);
    }
}
