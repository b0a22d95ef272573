package io.pyrocamel.processors.pyroscopeenrich;

import java.util.List;

/**
 * The validated options of an enrich endpoint.
 *
 * @param targetMatchLabel   label of the targets to match on
 * @param profilesMatchLabel label of the profiles to match on (defaults to {@code targetMatchLabel})
 * @param labelsToCopy       labels to copy; empty = all
 * @since 0.1.0
 */
record EnrichSettings(String targetMatchLabel, String profilesMatchLabel, List<String> labelsToCopy) {
}
