package io.moldtank.domain.search;

import java.util.List;

/**
 * PostgreSQL's {@code ts_rank} with its default weights ({D, C, B, A} = {0.1, 0.2, 0.4, 1.0}) and no
 * normalisation, computed in the same float and double steps as {@code tsrank.c}, so the embedded matcher
 * orders results as PostgreSQL does. A query whose top operator is AND or a phrase is ranked by how close
 * its words sit ({@code calc_rank_and}); any other by how often and how heavily each occurs
 * ({@code calc_rank_or}).
 */
final class Relevance {
    private static final float[] WEIGHTS = {0.1f, 0.2f, 0.4f, 1.0f};

    private Relevance() {
    }

    static float rank(TsVector doc, List<String> operands, boolean andRoot) {
        if (doc.isEmpty() || operands.isEmpty()) {
            return 0f;
        }
        float res = andRoot ? and(doc, operands) : or(doc, operands);
        return res < 0 ? 1e-20f : res;
    }

    private static float or(TsVector doc, List<String> operands) {
        float res = 0f;
        for (String lexeme : operands) {
            List<TsVector.Pos> at = doc.positions(lexeme);
            if (at.isEmpty()) {
                continue;
            }
            float resj = 0f;
            float wjm = -1f;
            int jm = 0;
            for (int j = 0; j < at.size(); j++) {
                float w = WEIGHTS[at.get(j).weightIndex()];
                resj = resj + w / ((j + 1) * (j + 1));
                if (w > wjm) {
                    wjm = w;
                    jm = j;
                }
            }
            float sum = wjm + resj - wjm / ((jm + 1) * (jm + 1));
            res = (float) (res + sum / 1.64493406685);
        }
        return res / operands.size();
    }

    private static float and(TsVector doc, List<String> operands) {
        if (operands.size() < 2) {
            return or(doc, operands);
        }
        float res = -1f;
        for (int i = 0; i < operands.size(); i++) {
            List<TsVector.Pos> post = doc.positions(operands.get(i));
            if (post.isEmpty()) {
                continue;
            }
            for (int k = 0; k < i; k++) {
                List<TsVector.Pos> ct = doc.positions(operands.get(k));
                for (TsVector.Pos l : post) {
                    for (TsVector.Pos p : ct) {
                        int dist = Math.abs(l.at() - p.at());
                        if (dist != 0) {
                            float product = WEIGHTS[l.weightIndex()] * WEIGHTS[p.weightIndex()] * distance(dist);
                            float curw = (float) Math.sqrt(product);
                            res = res < 0 ? curw : (float) (1.0 - (1.0 - res) * (1.0 - curw));
                        }
                    }
                }
            }
        }
        return res;
    }

    private static float distance(int w) {
        if (w > 100) {
            return 1e-30f;
        }
        return (float) (1.0 / (1.005 + 0.05 * Math.exp(((float) w) / 1.5 - 2)));
    }
}
