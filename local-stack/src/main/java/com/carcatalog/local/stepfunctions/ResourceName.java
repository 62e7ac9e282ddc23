package com.carcatalog.local.stepfunctions;

/**
 * The naming rules Step Functions applies to state machine and execution names: 1 to 80
 * characters (a model constraint, so a longer name is a ValidationException), none of them white
 * space, {@code < > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /}, a control character (U+0000-001F,
 * U+007F-009F), U+FFFE/U+FFFF or a lone surrogate (InvalidName).
 */
final class ResourceName {

    static final int MAX_LENGTH = 80;
    private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private ResourceName() {
    }

    /** Returns {@code name} if Step Functions would accept it for {@code field}. */
    static String require(String field, String name) {
        if (name.isEmpty()) {
            throw StepFunctionsException.validation(field, name, "Member must have length greater than or equal to 1");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw StepFunctionsException.validation(field, name,
                    "Member must have length less than or equal to " + MAX_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || FORBIDDEN.indexOf(c) >= 0 || c <= 0x1F
                    || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF' || isLoneSurrogate(name, i)) {
                throw StepFunctionsException.invalidName(name);
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return name;
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }
}
