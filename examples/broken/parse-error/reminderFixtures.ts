import type { Prisma } from "@prisma/client";
import { generatePK } from "../../src/fixtures/db/ids.js";

// A syntax error: the comma after `tag` is missing. This file is kept apart (nothing imports it, and
// the broken tsconfig excludes it) because tsc stops before type-checking when any file fails to parse.
export const reminderTag: Prisma.tagCreateInput = {
    id: generatePK(),
    tag: "reminder"
    createdBy: { connect: { publicId: "owner0000001" } }, // expect: parse-error
};
