import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatAccordion,
  MatExpansionPanel,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { ObjectiveView } from '@api/objectives/objectives.schema';
import { type DescriptionBlock, descriptionBlocks } from './description-blocks';
import { objectivesResource } from './objectives-api';

type PlanObjective = ObjectiveView & { blocks: DescriptionBlock[] };
type PlanAxis = { axis: string; title: string; objectives: PlanObjective[] };

/** Home page: the international action plan, axis by axis, objective by objective. */
@Component({
  selector: 'app-plan-page',
  imports: [
    DatePipe,
    MatAccordion,
    MatButton,
    MatExpansionPanel,
      MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatProgressBar,
  ],
  templateUrl: './plan-page.html',
  styleUrl: './plan-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanPage {
  /** The town council's vote (27 September 2023). */
  protected readonly approvedOn = '2023-09-27';
  protected readonly objectives = objectivesResource();

  protected readonly axes = computed<PlanAxis[]>(() => {
    if (!this.objectives.hasValue()) return [];
    const axes = new Map<string, PlanAxis>();
    for (const objective of this.objectives.value().items) {
      let axis = axes.get(objective.axis);
      if (!axis) {
        axis = { axis: objective.axis, title: objective.axisTitle, objectives: [] };
        axes.set(objective.axis, axis);
      }
      axis.objectives.push({ ...objective, blocks: descriptionBlocks(objective.description) });
    }
    return [...axes.values()];
  });
}
