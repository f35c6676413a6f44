import type { Prisma } from "@prisma/client";
import { generatePK } from "../src/fixtures/db/ids.js";
import { seedTeam } from "./teamFixtures.js"; // expect: import-cycle

export const seedOwner: Prisma.UserCreateInput = {
    id: generatePK(),
    publicId: "owner0000001",
    name: "Owner",
};

export const ownerMembership: Prisma.memberCreateInput = {
    id: generatePK(),
    role: "Owner",
    team: { connect: { id: seedTeam.id } },
    user: { connect: { id: seedOwner.id } },
};
