import type { NodeAnswer } from '../node-session.js';
import { successAnswerer, type NodeAnswerer, type NodeRequest } from './fake-node-session.js';

/** A node request the test has not answered yet. */
export interface HeldRequest extends NodeRequest {
  answer(answer: NodeAnswer): void;
  /** Answers as `successAnswerer()` would. */
  succeed(): void;
}

export interface HeldAnswers {
  /** The held requests, in the order the plugin sent them; answered ones stay in the list. */
  readonly held: readonly HeldRequest[];
  /** For the harness's `answerRequest`. */
  readonly answerRequest: NodeAnswerer;
}

/**
 * Node answers the test gives when it chooses: each request `holds` picks waits in `held` until
 * the test answers it, so the test can check what the plugin shows while the node is busy, and
 * then the node's answer or refusal. Requests not held are answered at once by
 * `successAnswerer()`.
 */
export function heldAnswers(holds: (request: NodeRequest) => boolean = () => true): HeldAnswers {
  const held: HeldRequest[] = [];
  const succeed = successAnswerer();
  return {
    held,
    answerRequest: (request) =>
      holds(request)
        ? new Promise<NodeAnswer>((answer) =>
            held.push({ ...request, answer, succeed: () => answer(succeed(request)) }),
          )
        : succeed(request),
  };
}
