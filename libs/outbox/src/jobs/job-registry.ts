import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_NAMES, JobName } from '../job-names';
import { JOB_PROCESSOR, JobHandler } from './job-processor';

/** Pure check, unit-tested: every job name must have exactly one processor, and no processor an unknown name. */
export function checkProcessorCoverage(found: { name: string; className: string }[], known: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of known) {
    const handlers = found.filter((f) => f.name === name);
    if (handlers.length === 0) problems.push(`job "${name}" has no processor`);
    if (handlers.length > 1)
      problems.push(`job "${name}" has ${handlers.length} processors: ${handlers.map((h) => h.className).join(', ')}`);
  }
  for (const f of found) if (!known.includes(f.name)) problems.push(`${f.className} processes unknown job "${f.name}"`);
  return problems;
}

@Injectable()
export class JobRegistry {
  private handlers = new Map<string, JobHandler<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /** Collects the @JobProcessor classes; throws (stopping the worker's boot) when coverage is wrong. */
  load(): void {
    const found: { name: string; className: string; instance: JobHandler<JobName> }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = this.reflector.get<string | undefined>(JOB_PROCESSOR, wrapper.metatype);
      if (name) found.push({ name, className: wrapper.metatype.name, instance: wrapper.instance as JobHandler<JobName> });
    }
    const problems = checkProcessorCoverage(found, JOB_NAMES);
    if (problems.length) throw new Error(`job processors are not set up correctly:\n  - ${problems.join('\n  - ')}`);
    this.handlers = new Map(found.map((f) => [f.name, f.instance]));
  }

  get(name: string): JobHandler<JobName> | undefined {
    return this.handlers.get(name);
  }
}
