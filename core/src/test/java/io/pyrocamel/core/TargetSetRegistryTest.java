package io.pyrocamel.core;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetSetRegistryTest {

    @Test
    void publishesVersionedSetsToSubscribers() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            TargetSetRegistry reg = TargetSetRegistry.of(ctx);
            assertThat(TargetSetRegistry.of(ctx)).isSameAs(reg);
            reg.publish("pods", List.of(Target.of("__address__", "a:1")));

            List<TargetSet> seen = new ArrayList<>();
            AutoCloseable sub = reg.subscribe("pods", seen::add);
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).version()).isEqualTo(1);

            reg.publish("pods", List.of(Target.of("__address__", "a:1"), Target.of("__address__", "b:2")));
            assertThat(seen).hasSize(2);
            assertThat(seen.get(1).version()).isEqualTo(2);
            assertThat(seen.get(1).targets()).extracting(t -> t.get("__address__")).containsExactly("a:1", "b:2");

            reg.publish("other", List.of());
            assertThat(seen).hasSize(2);

            sub.close();
            reg.publish("pods", List.of());
            assertThat(seen).hasSize(2);
            assertThat(reg.current("pods").version()).isEqualTo(3);
            assertThat(reg.current("nothing")).isNull();
        }
    }
}
