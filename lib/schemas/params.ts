import { z } from "zod";
import { investigateIdSchema, jobIdSchema } from "./ids";

export const messageParamsSchema = z.strictObject({ id: investigateIdSchema });
export const jobParamsSchema = z.strictObject({ jobId: jobIdSchema });
