package dev.seqserve.serving.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Makes request JSON strict about strings: a number or boolean where a string belongs is a wrong
 * type, not silently turned into text ({@code spring.jackson.mapper.allow-coercion-of-scalars=false}
 * covers the other direction).
 */
@Component
class StrictJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    StrictJsonModule() {
        super("seqserve-strict-json");
        addDeserializer(String.class, new StrictStringDeserializer());
    }

    /** Reads only JSON strings as strings. */
    static final class StrictStringDeserializer extends StdScalarDeserializer<String> {

        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                return parser.getString();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }
}
