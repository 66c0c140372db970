import { z } from "zod";
import type { AppContext, ZodApp } from "../../context.ts";
import { openAggregate } from "../../core/access/aggregates.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { principalOf } from "../../infra/auth/plugin.ts";
import { IdParams } from "../../shared/schemas.ts";
import { getAttendance, saveAttendance } from "./attendance.ts";
import { createCourse, listCourses } from "./courses.ts";
import { trainingFunnel } from "./funnel.ts";
import {
  Attendance,
  AttendanceBody,
  Course,
  CourseBody,
  CourseQuery,
  Funnel,
  FunnelQuery,
  Supervision,
  SupervisionBody,
} from "./schemas.ts";
import { listSupervision, recordSupervision } from "./supervision.ts";

/** Workforce and training: courses, attendance and satisfaction, supervision, the training-to-practice funnel. */
export function registerWorkforceRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["measures"];

  app.get(
    "/api/training/courses",
    { schema: { tags, querystring: CourseQuery, response: { 200: z.array(Course) } } },
    async (req) => {
      principalOf(req);
      return listCourses(db, req.query);
    },
  );

  app.post(
    "/api/training/courses",
    { schema: { tags, body: CourseBody, response: { 201: Course } } },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.status(201).send(await createCourse(db, p, actorOf(p), req.body));
    },
  );

  app.get(
    "/api/training/courses/:id/attendance",
    { schema: { tags, params: IdParams, response: { 200: Attendance } } },
    async (req) => getAttendance(db, principalOf(req), req.params.id),
  );

  app.put(
    "/api/training/courses/:id/attendance",
    { schema: { tags, params: IdParams, body: AttendanceBody, response: { 200: Attendance } } },
    async (req) => {
      const p = principalOf(req);
      return saveAttendance(db, p, actorOf(p), req.params.id, req.body);
    },
  );

  app.get(
    "/api/sites/:id/supervision",
    { schema: { tags, params: IdParams, response: { 200: z.array(Supervision) } } },
    async (req) => listSupervision(db, principalOf(req), req.params.id),
  );

  app.post(
    "/api/sites/:id/supervision",
    { schema: { tags, params: IdParams, body: SupervisionBody, response: { 201: Supervision } } },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.status(201).send(await recordSupervision(db, p, actorOf(p), req.params.id, req.body));
    },
  );

  app.get(
    "/api/programmes/:id/training-funnel",
    { schema: { tags, params: IdParams, querystring: FunnelQuery, response: { 200: Funnel } } },
    async (req) => trainingFunnel(db, await openAggregate(db, req, req.params.id), req.query),
  );
}
