/** A load driver for the sync server: push and pull throughput and push latency over HTTP. */
package io.offlinestore.benchmarks.sync;
