// A seed in a project whose client is not generated yet. The import is right (the schema's
// generator writes the client to ./generated); the validator says so once and still checks
// the calls, which tsc cannot type until `prisma generate` has run.
import { PrismaClient } from "./generated/client.js"; // expect: client-not-generated

const prisma = new PrismaClient();

export async function seedNotes(): Promise<void> {
    await prisma.note.create({ data: { id: BigInt(1), body: "checked before generation", titel: "typo" } }); // expect: unknown-field
}
