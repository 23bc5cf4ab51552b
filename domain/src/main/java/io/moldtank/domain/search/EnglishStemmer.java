package io.moldtank.domain.search;

import java.util.Map;

/**
 * The Snowball English ("Porter2") stemmer, as PostgreSQL's {@code english_stem} dictionary runs it, so
 * the embedded default's matcher reduces words to the lexemes PostgreSQL would ({@code EnglishStemmerTest}
 * compares the two on real text). Input is one lower-case word without apostrophes.
 */
final class EnglishStemmer {
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("skis", "ski"), Map.entry("skies", "sky"), Map.entry("dying", "die"),
            Map.entry("lying", "lie"), Map.entry("tying", "tie"), Map.entry("idly", "idl"),
            Map.entry("gently", "gentl"), Map.entry("ugly", "ugli"), Map.entry("early", "earli"),
            Map.entry("only", "onli"), Map.entry("singly", "singl"), Map.entry("sky", "sky"),
            Map.entry("news", "news"), Map.entry("howe", "howe"), Map.entry("atlas", "atlas"),
            Map.entry("cosmos", "cosmos"), Map.entry("bias", "bias"), Map.entry("andes", "andes"));
    private static final java.util.Set<String> AFTER_1A = java.util.Set.of("inning", "outing", "canning", "herring",
            "earring", "proceed", "exceed", "succeed");
    private static final String[] R1_PREFIXES = {"gener", "commun", "arsen"};

    private StringBuilder w;
    private int p1;
    private int p2;

    private EnglishStemmer() {
    }

    static String stem(String word) {
        String exception = EXCEPTIONS.get(word);
        if (exception != null) {
            return exception;
        }
        if (word.length() < 3) {
            return word;
        }
        EnglishStemmer s = new EnglishStemmer();
        return s.run(word);
    }

    private String run(String word) {
        w = new StringBuilder(word);
        prelude();
        markRegions();
        step1a();
        if (!AFTER_1A.contains(w.toString())) {
            step1b();
            step1c();
            step2();
            step3();
            step4();
            step5();
        }
        return w.toString().replace('Y', 'y');
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private boolean vowelAt(int i) {
        return vowel(w.charAt(i));
    }

    /** Initial y, and y after a vowel, are consonants: marked Y. */
    private void prelude() {
        if (w.charAt(0) == 'y') {
            w.setCharAt(0, 'Y');
        }
        for (int i = 1; i < w.length(); i++) {
            if (w.charAt(i) == 'y' && vowelAt(i - 1)) {
                w.setCharAt(i, 'Y');
            }
        }
    }

    private void markRegions() {
        p1 = w.length();
        p2 = w.length();
        int start = -1;
        for (String prefix : R1_PREFIXES) {
            if (w.indexOf(prefix) == 0) {
                start = prefix.length();
                break;
            }
        }
        p1 = start >= 0 ? start : afterVowelThenConsonant(0);
        p2 = afterVowelThenConsonant(p1);
    }

    /** The position after the first non-vowel that follows a vowel, searching from {@code from}. */
    private int afterVowelThenConsonant(int from) {
        for (int i = from + 1; i < w.length(); i++) {
            if (!vowelAt(i) && vowelAt(i - 1)) {
                return i + 1;
            }
        }
        return w.length();
    }

    private boolean endsWith(String s) {
        int n = w.length() - s.length();
        return n >= 0 && w.indexOf(s, n) == n;
    }

    private boolean inR1(String suffix) {
        return w.length() - suffix.length() >= p1;
    }

    private boolean inR2(String suffix) {
        return w.length() - suffix.length() >= p2;
    }

    private void replace(String suffix, String by) {
        w.setLength(w.length() - suffix.length());
        w.append(by);
    }

    /** A short syllable ends at {@code end} (exclusive). */
    private boolean shortSyllableEndingAt(int end) {
        if (end == 2) {
            return vowelAt(0) && !vowelAt(1);
        }
        if (end < 3) {
            return false;
        }
        char c = w.charAt(end - 1);
        return !vowelAt(end - 3) && vowelAt(end - 2) && !vowel(c) && c != 'w' && c != 'x' && c != 'Y';
    }

    private boolean isShort() {
        return p1 == w.length() && shortSyllableEndingAt(w.length());
    }

    private boolean containsVowel(int end) {
        for (int i = 0; i < end; i++) {
            if (vowelAt(i)) {
                return true;
            }
        }
        return false;
    }

    private void step1a() {
        if (endsWith("sses")) {
            replace("sses", "ss");
        } else if (endsWith("ied") || endsWith("ies")) {
            replace("ies", w.length() > 4 ? "i" : "ie");
        } else if (endsWith("us") || endsWith("ss")) {
            return;
        } else if (endsWith("s")) {
            // delete when a vowel comes before the letter preceding the s
            if (containsVowel(w.length() - 2)) {
                w.setLength(w.length() - 1);
            }
        }
    }

    private void step1b() {
        String[] long1 = {"eedly", "eed"};
        for (String s : long1) {
            if (endsWith(s)) {
                if (inR1(s)) {
                    replace(s, "ee");
                }
                return;
            }
        }
        for (String s : new String[] {"ingly", "edly", "ing", "ed"}) {
            if (endsWith(s)) {
                if (!containsVowel(w.length() - s.length())) {
                    return;
                }
                w.setLength(w.length() - s.length());
                if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
                    w.append('e');
                } else if (endsWithDouble()) {
                    w.setLength(w.length() - 1);
                } else if (isShort()) {
                    w.append('e');
                }
                return;
            }
        }
    }

    private boolean endsWithDouble() {
        for (String d : new String[] {"bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"}) {
            if (endsWith(d)) {
                return true;
            }
        }
        return false;
    }

    private void step1c() {
        int n = w.length();
        char last = w.charAt(n - 1);
        if ((last == 'y' || last == 'Y') && n > 2 && !vowelAt(n - 2)) {
            w.setCharAt(n - 1, 'i');
        }
    }

    private static final String[][] STEP2 = {
        {"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"}, {"iveness", "ive"},
        {"tional", "tion"}, {"biliti", "ble"}, {"lessli", "less"}, {"entli", "ent"}, {"ation", "ate"},
        {"alism", "al"}, {"aliti", "al"}, {"ousli", "ous"}, {"iviti", "ive"}, {"fulli", "ful"}, {"enci", "ence"},
        {"anci", "ance"}, {"abli", "able"}, {"izer", "ize"}, {"ator", "ate"}, {"alli", "al"}, {"bli", "ble"},
        {"ogi", "og"}, {"li", ""}};

    private void step2() {
        for (String[] rule : STEP2) {
            String s = rule[0];
            if (endsWith(s)) {
                if (inR1(s)) {
                    if (s.equals("ogi")) {
                        if (w.length() > 3 && w.charAt(w.length() - 4) == 'l') {
                            replace(s, "og");
                        }
                    } else if (s.equals("li")) {
                        if (w.length() > 2 && "cdeghkmnrt".indexOf(w.charAt(w.length() - 3)) >= 0) {
                            w.setLength(w.length() - 2);
                        }
                    } else {
                        replace(s, rule[1]);
                    }
                }
                return;
            }
        }
    }

    private static final String[][] STEP3 = {
        {"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"}, {"ative", ""},
        {"ical", "ic"}, {"ness", ""}, {"ful", ""}};

    private void step3() {
        for (String[] rule : STEP3) {
            String s = rule[0];
            if (endsWith(s)) {
                if (inR1(s) && (!s.equals("ative") || inR2(s))) {
                    replace(s, rule[1]);
                }
                return;
            }
        }
    }

    private static final String[] STEP4 = {"ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"};

    private void step4() {
        for (String s : STEP4) {
            if (endsWith(s)) {
                if (inR2(s)) {
                    if (s.equals("ion")) {
                        int n = w.length() - 4;
                        if (n >= 0 && (w.charAt(n) == 's' || w.charAt(n) == 't')) {
                            w.setLength(w.length() - 3);
                        }
                    } else {
                        w.setLength(w.length() - s.length());
                    }
                }
                return;
            }
        }
    }

    private void step5() {
        int n = w.length();
        if (endsWith("e")) {
            if (inR2("e") || inR1("e") && !shortSyllableEndingAt(n - 1)) {
                w.setLength(n - 1);
            }
        } else if (endsWith("l") && inR2("l") && n > 1 && w.charAt(n - 2) == 'l') {
            w.setLength(n - 1);
        }
    }
}
