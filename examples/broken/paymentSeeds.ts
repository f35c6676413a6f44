import { type Prisma, PrismaClient } from "@prisma/client";
import { generatePK } from "../src/fixtures/db/ids.js";

const prisma = new PrismaClient();

// Drift: a payment declared as the relation-style input but written with the payer's foreign key,
// and given the team's key afterwards when there is one. Rewriting `userId` to
// `user: { connect: … }` would leave `teamId` beside it at run time, a mix Prisma rejects: the
// certain fix is the declared type (`Prisma.PaymentUncheckedCreateInput`), which keeps the object.
export async function recordSeatPayment(userId: bigint, teamId?: bigint) {
    const payment: Prisma.PaymentCreateInput = {
        id: generatePK(),
        amount: "12.50",
        currency: "EUR",
        description: "Seat",
        userId, /* fix: safe Prisma.PaymentUncheckedCreateInput */ // expect: unknown-field
    };
    if (teamId !== undefined) Object.assign(payment, { teamId });
    return prisma.payment.create({ data: payment });
}
