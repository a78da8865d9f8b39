/** Implementation helpers of the API module; not part of the public API and may change at any time. */
package io.offlinestore.internal;
