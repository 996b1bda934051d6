/** The kinds of logged step a scorer can score (Galileo's `NodeType`). */
export const NODE_TYPES = ['chain', 'chat', 'llm', 'retriever', 'tool', 'agent', 'workflow', 'trace', 'session'] as const;
export const NODE_TYPE_ENUM = { values: NODE_TYPES, enumName: 'NodeType' } as const;
