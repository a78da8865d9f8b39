/**
 * The {@code h2} storage backend: keyspaces as maps of H2's MVStore, ordered as unsigned bytes, in
 * one copy-on-write file per store; each batch is one MVStore version, committed atomically and
 * forced to disk under sync durability; cursors read a registered snapshot; the store directory is
 * locked against other processes.
 */
package io.offlinestore.backend.h2;
