/**
 * The {@code tink} field-encryption provider: {@link io.offlinestore.encryption.tink.TinkFieldCipherProvider}
 * implements the engine's {@link io.offlinestore.spi.FieldCipherProvider} with Google Tink, sealing
 * fields with AES-256-GCM (randomized) and AES-SIV (deterministic, for fields matched by equality).
 * Found by the engine through {@link java.util.ServiceLoader}; user code rarely names it.
 */
package io.offlinestore.encryption.tink;
