/** Field-level encryption settings and the key provider interface that protects a store's keys. */
package io.offlinestore.encryption;
