/** Text a LIKE pattern matches literally: `%`, `_` and the escape character `\` escaped (PostgreSQL's default escape). */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** A LIKE pattern matching text that contains `text`. */
export const containsPattern = (text: string): string => `%${likeLiteral(text)}%`;

/** A LIKE pattern matching text that starts with `text`. */
export const prefixPattern = (text: string): string => `${likeLiteral(text)}%`;
