/** Query planning over the id keys and secondary indexes, and plan execution over a backend. */
package io.offlinestore.engine.plan;
