/** The TypeScript source compiled from the JSON Schemas in `schemaDir` (a folder URL ending in `/`). */
export function generateSchemaValidatorsSource(schemaDir: URL): string;
/** Writes src/generated/schema-validators.ts. */
export default function generateSchemaValidators(): void;
