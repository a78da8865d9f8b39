/** The {@link io.offlinestore.sync.StatusServer}'s routes and JSON views. */
package io.offlinestore.sync.status.internal;
