import type { Prisma } from "@prisma/client";
import { generatePK, generatePublicId } from "../src/fixtures/db/ids.js";

// What the types allow and the table does not: lengths and ranges of the columns, a NOT NULL key
// under an optional relation, and a required field written `undefined`.

export const longTag: Prisma.tagCreateInput = {
    id: generatePK(),
    tag: "t".repeat(129), // expect: value-exceeds-column
};

export const longUser: Prisma.UserCreateInput = {
    id: generatePK(),
    publicId: "user000000001", // expect: value-exceeds-column
    name: "Long",
};

export const longHandle: Prisma.UserCreateInput = {
    id: generatePK(),
    publicId: generatePublicId(),
    handle: `long_handle_${generatePK()}_name`, // expect: value-exceeds-column
    name: "Long handle",
};

export const overflowingVersion: Prisma.resource_versionCreateInput = {
    id: generatePK(),
    versionLabel: "1.0.0",
    complexity: 32768, // expect: value-exceeds-column
    root: { create: { id: generatePK(), publicId: generatePublicId() } },
};

// `user` is optional in the generated type (the schema writes `User?`), its key `userId` is not.
export const ownerlessEmail: Prisma.emailCreateInput = { id: generatePK(), emailAddress: "ownerless@example.com" }; // expect: missing-required-field

export const tagWithoutId: Prisma.tagCreateInput = { id: undefined, tag: "no-id" }; // expect: missing-required-field

// Strings the type allows (`string`) that Prisma does not parse as a Decimal or a DateTime.
export const unparsedPayment: Prisma.PaymentCreateInput = {
    id: generatePK(),
    amount: "12,50", // expect: field-type-mismatch
    currency: "EUR",
    description: "unparsed",
};

export const dateOnlyPayment: Prisma.PaymentCreateInput = {
    id: generatePK(),
    amount: 12.5,
    currency: "EUR",
    description: "date only",
    paidAt: "2024-01-01", // expect: field-type-mismatch
};
