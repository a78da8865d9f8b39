/**
 * The conformance suite of the storage SPI: {@link io.offlinestore.testkit.backend.StorageBackendContract},
 * which every {@link io.offlinestore.spi.StorageBackend} implementation's tests extend, and
 * {@link io.offlinestore.testkit.backend.BackendProviderContract} for its provider.
 */
package io.offlinestore.testkit.backend;
