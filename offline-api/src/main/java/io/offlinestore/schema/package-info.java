/** Collection schemas: key paths and secondary index definitions. */
package io.offlinestore.schema;
