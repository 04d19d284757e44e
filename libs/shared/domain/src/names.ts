/**
 * The given-name data for the personal-data check, as its own entry point
 * ('@lantern/shared-domain/names') so the web client can load it lazily (it is ~24 kB gzipped) and
 * keep it out of the initial bundle. Pass NAME_DATA as `names` to findPersonalData.
 */
import { nameData } from './lib/person-names';
import { EVERYDAY_WORD_NAMES, GIVEN_NAMES } from './names/given-names.data';

export const NAME_DATA = nameData(GIVEN_NAMES, EVERYDAY_WORD_NAMES);
