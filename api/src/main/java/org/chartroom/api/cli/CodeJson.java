package org.chartroom.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.TextSpan;

/**
 * One code suggestion as JSON, for {@code annotate} and {@code codes}: the contract's {@code code, description,
 * score} (and {@code evidence} for a document), then what a coder should check: {@code uncertain}, {@code axes}
 * ({@code axis, value, stated, reason}), {@code conflicts} ({@code code, kind, note}) and {@code notes}
 * ({@code kind, text}).
 */
final class CodeJson {
    private CodeJson() {
    }

    static ObjectNode add(ArrayNode codes, CodeSuggestion c, boolean evidence) {
        ObjectNode o = codes.addObject().put("code", c.code()).put("description", c.description())
                .put("score", c.score());
        if (evidence) {
            ArrayNode spans = o.putArray("evidence");
            for (TextSpan span : c.evidence()) {
                spans.addObject().put("start", span.start()).put("end", span.end());
            }
            o.put("uncertain", c.uncertain());
        }
        o.set("axes", Json.MAPPER.valueToTree(c.axes()));
        if (evidence) {
            o.set("conflicts", Json.MAPPER.valueToTree(c.conflicts()));
            o.set("notes", Json.MAPPER.valueToTree(c.notes()));
        }
        return o;
    }
}
