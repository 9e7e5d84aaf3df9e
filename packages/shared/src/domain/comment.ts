import { z } from 'zod';

/** `shared` comments are seen by the platform; `ministry` notes stay inside the ministry. */
export const commentVisibilitySchema = z.enum(['shared', 'ministry']);
export type CommentVisibility = z.infer<typeof commentVisibilitySchema>;

export interface Comment {
  readonly id: string;
  readonly requestId: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly body: string;
  readonly visibility: CommentVisibility;
  readonly createdAt: number;
  readonly clientTime: number | null;
}
