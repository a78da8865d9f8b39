/**
 * How migrations run: the history and checkpoint kept in the store, the contexts that apply or
 * preview a migration's steps, the declarative migration format, and the runner the engine calls
 * at open.
 */
package io.offlinestore.migrations.internal;
