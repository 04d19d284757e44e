import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { MatSort, MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { formatCount, formatPercent } from '../../core/format';
import { describeDifference, type SchoolRow, type TrustGroup } from './directory.model';

const COLUMN_LABEL: Record<string, string> = {
  school: 'School',
  phase: 'Phase',
  la: 'Local authority',
  roll: 'Number on roll',
  ehcp: 'EHCP',
  sen: 'SEN support',
  total: 'Total SEND',
  national: 'National average',
  difference: 'Compared with national',
};

/** One trust's schools: a sortable table with the trust's totals in its footer row. */
@Component({
  selector: 'lan-trust-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatSortModule],
  templateUrl: './trust-table.html',
  styleUrl: './trust-table.scss',
})
export class TrustTable {
  private readonly announcer = inject(LiveAnnouncer);
  readonly group = input.required<TrustGroup>();
  readonly headingId = input.required<string>();

  protected readonly columns = Object.keys(COLUMN_LABEL);
  protected readonly label = COLUMN_LABEL;
  protected readonly sort = viewChild.required(MatSort);
  protected readonly dataSource = new MatTableDataSource<SchoolRow>([]);
  protected readonly totals = computed(() => this.group().totals);
  protected readonly count = computed(() => this.group().rows.length);
  protected readonly formatCount = formatCount;
  protected readonly formatPercent = formatPercent;
  protected readonly describeDifference = describeDifference;

  constructor() {
    this.dataSource.sortingDataAccessor = (row, column) => {
      switch (column) {
        case 'school':
          return row.displayName.toLocaleLowerCase('en-GB');
        case 'phase':
          return row.phaseLabel;
        case 'la':
          return row.localAuthorityName;
        case 'roll':
          return row.numberOnRoll;
        case 'ehcp':
          return row.ehcpPercent ?? -1;
        case 'sen':
          return row.senSupportPercent ?? -1;
        case 'total':
          return row.totalSendPercent ?? -1;
        case 'national':
          return row.average?.totalSendPercent ?? -1;
        case 'difference':
          return row.difference ?? -Infinity;
        default:
          return '';
      }
    };
    effect(() => {
      this.dataSource.sort = this.sort();
      this.dataSource.data = this.group().rows;
    });
  }

  protected announceSort(sort: Sort): void {
    const what = `${this.group().name} table`;
    void this.announcer.announce(
      sort.direction
        ? `${what} sorted by ${COLUMN_LABEL[sort.active]}, ${sort.direction === 'asc' ? 'ascending' : 'descending'}`
        : `${what} in its original order`,
    );
  }
}
