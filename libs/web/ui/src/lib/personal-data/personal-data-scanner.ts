import { Injectable, signal } from '@angular/core';
import {
  type NameData,
  type PersonalDataFinding,
  type PersonalDataOptions,
  findPersonalData,
} from '@lantern/shared-domain';

/**
 * The personal-data check in the browser. The given-name data (~24 kB gzipped) is not in the initial
 * bundle: `load()` imports it on demand (the forum composer and the library's editors call it when
 * they open). Until it arrives, names are only found next to a year group; `find` reads a signal, so
 * computed findings update once the data is in. The API always checks with the full data.
 */
@Injectable({ providedIn: 'root' })
export class PersonalDataScanner {
  private readonly names = signal<NameData | null>(null);
  private loading: Promise<void> | null = null;

  /** Start loading the name data (once); resolves when it is in (or failed: the API still checks). */
  load(): Promise<void> {
    this.loading ??= import('@lantern/shared-domain/names')
      .then((m) => this.names.set(m.NAME_DATA))
      .catch(() => undefined);
    return this.loading;
  }

  /** Likely pupil details in `text`; `allowedNames` are people who may be named (e.g. mentioned members). */
  find(text: string, allowedNames: PersonalDataOptions['allowedNames'] = []): PersonalDataFinding[] {
    return findPersonalData(text, { names: this.names(), allowedNames });
  }

  /** `find` after the name data is in: use it just before saving. */
  async findLoaded(
    text: string,
    allowedNames: PersonalDataOptions['allowedNames'] = [],
  ): Promise<PersonalDataFinding[]> {
    await this.load();
    return this.find(text, allowedNames);
  }
}
