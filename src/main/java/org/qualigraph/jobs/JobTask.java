package org.qualigraph.jobs;

/** The work of a job. An exception fails the job with its message; return normally to finish it. */
@FunctionalInterface
public interface JobTask {

    void run(JobContext context) throws Exception;
}
