package dev.seqserve.serving.model;

import dev.seqserve.serving.SeqserveProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code seqserve.admin.token} is set and not blank, read the way the properties bind it. */
final class AdminApiEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("seqserve.admin", SeqserveProperties.Admin.class)
                .map(SeqserveProperties.Admin::enabled)
                .orElse(false);
    }
}
