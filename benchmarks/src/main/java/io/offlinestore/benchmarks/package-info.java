/**
 * JMH benchmarks of Offline Store. Each benchmark class measures one workload on the engine over
 * its backends and, where the issue asks for it, on the baselines of the same run: raw MapDB, raw
 * Derby and Nitrite. The workloads reach every store through a
 * {@link io.offlinestore.benchmarks.subject.Subject}, and every store gets the same documents from
 * {@link io.offlinestore.benchmarks.DocumentGenerator}. Run them from the shaded jar; see
 * {@code docs/benchmarks.md} for the command and the results.
 */
package io.offlinestore.benchmarks;
