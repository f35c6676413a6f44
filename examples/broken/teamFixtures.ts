import type { Prisma } from "@prisma/client";
import { generatePK } from "../src/fixtures/db/ids.js";
// Closes the cycle with memberFixtures.ts (reported once, on that file's import).
import { seedOwner } from "./memberFixtures.js";

export const seedTeam = {
    id: generatePK(),
    publicId: "team00000001",
    handle: "seed_team",
    members: {
        create: { id: generatePK(), role: "Owner", user: { connect: { id: seedOwner.id } } },
    },
} satisfies Prisma.teamCreateInput;

export const teamTagLink: Prisma.team_tagCreateInput = {
    team: { connect: { id: seedTeam.id } },
    tag: { connect: { tag: "seed" } },
    teamId: seedTeam.id, // expect: mixed-relation-input
};
