/**
 * Helpers shared by the processors (no Camel types): reading YAML/JSON option values into plain Java structures, and
 * inline target lists.
 *
 * @since 0.1.0
 */
package io.pyrocamel.processors.support;
