/**
 * Field-level encryption in the engine: which fields are sealed, sealing and opening them with
 * associated data that binds each ciphertext to its place, rewriting filters over queryable
 * fields, and the store's wrapped keys. The cipher itself comes through the encryption SPI.
 */
package io.offlinestore.engine.crypto;
