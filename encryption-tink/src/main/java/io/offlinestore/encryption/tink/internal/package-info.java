/**
 * Implementation of the passphrase key provider that
 * {@link io.offlinestore.encryption.KeyProviders} returns: Argon2id key derivation and the
 * wrapped-keyset format. Not API: names and signatures here change without notice.
 */
package io.offlinestore.encryption.tink.internal;
