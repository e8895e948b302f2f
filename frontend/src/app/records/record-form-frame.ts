import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EditWithVersion } from './edit-with-version';

/**
 * The frame of a record's form edited with its version: the way back to the list, the heading, and above
 * the form (given as content) why the record could not be read, a concurrent change, or what to correct.
 */
@Component({
  selector: 'app-record-form-frame',
  imports: [RouterLink],
  template: `
    <div class="page">
      <p class="kicker"><a [routerLink]="listLink()">{{ listName() }}</a></p>
      <h1 class="page-title">{{ heading() }}</h1>
      @if (edit().loadError(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      } @else {
        @if (edit().conflict(); as message) {
          <div class="conflict" role="alert" tabindex="-1"><h2>Modification concurrente</h2><p>{{ message }}</p></div>
        }
        @if (edit().formErrors().length) {
          <div class="error-message" role="alert" tabindex="-1">
            @for (message of edit().formErrors(); track $index) {
              <p>{{ message }}</p>
            }
          </div>
        }
        <ng-content />
      }
    </div>
  `,
  styleUrl: '../partners/partner-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordFormFrame {
  readonly listName = input.required<string>();
  readonly listLink = input.required<string>();
  readonly heading = input.required<string>();
  readonly edit = input.required<Pick<EditWithVersion, 'loadError' | 'conflict' | 'formErrors'>>();
}
